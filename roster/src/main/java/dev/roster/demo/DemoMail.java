package dev.roster.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Demo mode sends its invitation emails to an embedded SMTP server ({@link DemoMailbox}); this
 * sender replaces whatever {@code spring.mail.*} says, so a demo never emails real people.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "roster.demo.enabled", havingValue = "true")
class DemoMail {

    @Bean
    DemoMailbox demoMailbox() {
        return new DemoMailbox();
    }

    @Bean
    JavaMailSender demoMailSender(DemoMailbox mailbox) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(mailbox.port());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
