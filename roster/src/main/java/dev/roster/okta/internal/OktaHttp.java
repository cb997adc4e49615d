package dev.roster.okta.internal;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.roster.okta.OktaClientProperties;

/**
 * The HTTP client every account's Okta calls share. A JDK {@link HttpClient} keeps its own selector
 * thread and connection pool, so one per connected account would cost a thread per account — a
 * thousand of them on an instance serving a thousand accounts.
 */
public final class OktaHttp {

    private OktaHttp() {
    }

    public static RestClient restClient(OktaClientProperties properties) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        factory.setReadTimeout(properties.readTimeout());
        return RestClient.builder().requestFactory(factory).build();
    }
}
