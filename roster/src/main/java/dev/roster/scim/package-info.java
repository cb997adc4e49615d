/**
 * SCIM 2.0 (RFC 7643/7644): the protocol's filters and PATCH, read as Okta, Entra ID and other
 * clients send them. Being built as the account's second provisioning source (issue 13).
 */
@org.springframework.modulith.ApplicationModule(displayName = "SCIM")
package dev.roster.scim;
