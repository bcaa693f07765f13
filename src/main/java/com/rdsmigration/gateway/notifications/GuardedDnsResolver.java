package com.rdsmigration.gateway.notifications;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's name resolution for deliveries: it answers only the addresses {@link WebhookUrlPolicy} allows, so
 * the addresses checked are the addresses connected to, whatever the name resolves to by the time of sending.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final WebhookUrlPolicy policy;

    GuardedDnsResolver(WebhookUrlPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return policy.addressesOf(host);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host))
                .map(address -> new InetSocketAddress(address, port))
                .toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return host;
    }
}
