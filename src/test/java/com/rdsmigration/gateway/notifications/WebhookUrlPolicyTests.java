package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs a webhook may use, with names resolved by a fake DNS so that no test depends on the network. */
class WebhookUrlPolicyTests {

    final Map<String, String> dns = new HashMap<>(Map.of(
            "hooks.example.com", "93.184.216.34",
            "a.hooks.example.net", "93.184.216.35",
            "loopback.hooks.example.net", "127.0.0.1",
            "metadata.hooks.example.net", "100.100.100.200",
            "aws.hooks.example.net", "169.254.169.254",
            "private.hooks.example.net", "10.1.2.3",
            "internal.corp.example", "10.9.9.9"));

    /** AAAA answers, kept as the {@link java.net.Inet6Address} a resolver returns. */
    final Map<String, InetAddress> aaaa = new HashMap<>();

    final WebhookUrlPolicy.HostResolver resolver = host -> {
        if (aaaa.containsKey(host)) {
            return new InetAddress[] {aaaa.get(host)};
        }
        if (host.matches("[0-9.]+|[0-9a-f:]+")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        String address = dns.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    };

    final WebhookUrlPolicy policy = new WebhookUrlPolicy(
            List.of("hooks.example.com", "*.hooks.example.net", "internal.corp.example", "10.0.0.5", "[::1]"),
            false,
            resolver);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://hooks.example.com/rds",
                "https://HOOKS.example.com./rds?token=abc",
                "https://hooks.example.com:8443/",
                "https://a.hooks.example.net/x",
                "https://internal.corp.example/hook",
                "https://10.0.0.5/hook",
                "https://[::1]:9000/hook"
            })
    void acceptsHttpsUrlsOnAllowedHosts(String url) {
        assertThat(policy.refusal(url)).isEmpty();
    }

    @Test
    void refusesHttpUnlessAllowed() {
        assertThat(policy.refusal("http://hooks.example.com/rds")).hasValue("must use https");
        assertThat(new WebhookUrlPolicy(List.of("hooks.example.com"), true, resolver)
                        .refusal("http://hooks.example.com/"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/",
                "https://hooks.example.com.evil.test/",
                "https://hooks.example.net/", // the pattern needs a label before the suffix
                "https://badhooks.example.net/",
                "https://127.0.0.1/",
                "https://169.254.169.254/latest/meta-data/",
                "https://100.100.100.200/latest/meta-data/",
                "https://10.0.0.6/",
                "https://[::2]/"
            })
    void refusesHostsNotOnTheAllowList(String url) {
        assertThat(policy.refusal(url))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not allowed"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "loopback.hooks.example.net",
                "metadata.hooks.example.net",
                "aws.hooks.example.net",
                "private.hooks.example.net"
            })
    void refusesAPatternMatchedHostThatResolvesToAnInternalAddress(String host) {
        assertThat(policy.refusal("https://" + host + "/hook"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("loopback, private, link-local"));
    }

    @Test
    void allowsAnInternalAddressOnlyForAnExactlyListedHost() {
        assertThat(policy.refusal("https://internal.corp.example/")).isEmpty();
        assertThat(policy.refusal("https://10.0.0.5/")).isEmpty();
        assertThat(policy.refusal("https://private.hooks.example.net/")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://user:secret@hooks.example.com/",
                "https://user@hooks.example.com/",
                "https://hooks.example.com@evil.test/"
            })
    void refusesUserInformation(String url) {
        assertThat(policy.refusal(url)).hasValue("must not contain user information");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not a url",
                "hooks.example.com/rds",
                "/relative/path",
                "ftp://hooks.example.com/",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "mailto:ops@hooks.example.com",
                "https:///no-host",
                "https://under_score.example.com/"
            })
    void refusesJunk(String url) {
        assertThat(policy.refusal(url)).isPresent();
    }

    @Test
    void refusesFragmentsBadPortsAndOverlongUrls() {
        assertThat(policy.refusal("https://hooks.example.com/#frag")).hasValue("must not have a fragment");
        assertThat(policy.refusal("https://hooks.example.com:70000/")).hasValue("must name a valid host and port");
        assertThat(policy.refusal("https://hooks.example.com/" + "a".repeat(2048)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("2048"));
    }

    @Test
    void refusesAPatternMatchedHostThatCannotBeResolved() {
        assertThat(policy.refusal("https://unknown.hooks.example.net/"))
                .hasValue("names a host that cannot be resolved");
    }

    @Test
    void allowsNothingWithAnEmptyAllowList() {
        WebhookUrlPolicy none = new WebhookUrlPolicy(List.of(), true, resolver);

        assertThat(none.refusal("https://hooks.example.com/"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("allows no webhook host"));
    }

    @Test
    void refusesWhenConnectingANameThatNowResolvesToAnInternalAddress() throws UnknownHostException {
        GuardedDnsResolver connecting = new GuardedDnsResolver(policy);
        assertThat(policy.refusal("https://a.hooks.example.net/")).isEmpty();
        assertThat(connecting.resolve("a.hooks.example.net")).containsExactly(InetAddress.getByName("93.184.216.35"));

        dns.put("a.hooks.example.net", "127.0.0.1"); // DNS rebinding, after registration

        assertThatThrownBy(() -> connecting.resolve("a.hooks.example.net", 443))
                .isInstanceOf(WebhookUrlPolicy.RefusedHostException.class)
                .hasMessageContaining("loopback");
        assertThat(DeliveryErrors.describe(new java.io.IOException(
                        "connect failed",
                        new WebhookUrlPolicy.RefusedHostException(
                                "resolves to a loopback address", DeliveryErrors.ADDRESS_NOT_ALLOWED))))
                .isEqualTo("refused: address not allowed");
    }

    @Test
    void resolvesAnExactlyListedHostWhenConnectingWithoutCheckingItsAddresses() throws UnknownHostException {
        assertThat(new GuardedDnsResolver(policy).resolve("internal.corp.example"))
                .containsExactly(InetAddress.getByName("10.9.9.9"));
        assertThatThrownBy(() -> new GuardedDnsResolver(policy).resolve("example.com"))
                .hasMessageContaining("not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:100.100.100.200", "::ffff:127.0.0.1", "64:ff9b::a9fe:a9fe"})
    void refusesANameResolvingToAnInternalIpv4InsideAnIpv6AddressAtRegistrationAndWhenConnecting(String address)
            throws UnknownHostException {
        aaaa.put("v6.hooks.example.net", AddressRangesTests.resolvedIpv6(address));

        assertThat(policy.refusal("https://v6.hooks.example.net/hook"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("loopback, private, link-local"));
        assertThatThrownBy(() -> new GuardedDnsResolver(policy).resolve("v6.hooks.example.net", 443))
                .isInstanceOf(WebhookUrlPolicy.RefusedHostException.class)
                .hasMessageContaining("loopback, private, link-local");
    }

    @Test
    void refusesADeliveryInAFewFixedWords() {
        WebhookUrlPolicy httpsOnly = new WebhookUrlPolicy(List.of("*.hooks.example.net"), false, resolver);

        assertThat(httpsOnly.deliveryRefusal("https://a.hooks.example.net/hook"))
                .isEmpty();
        assertThat(httpsOnly.deliveryRefusal("http://a.hooks.example.net/hook")).hasValue("refused: URL not allowed");
        assertThat(httpsOnly.deliveryRefusal("https://hooks.example.com/hook")).hasValue("refused: host not allowed");
        assertThat(httpsOnly.deliveryRefusal("https://metadata.hooks.example.net/hook"))
                .hasValue("refused: address not allowed");
        assertThat(httpsOnly.deliveryRefusal("https://unknown.hooks.example.net/hook"))
                .hasValue("host not found");
    }
}
