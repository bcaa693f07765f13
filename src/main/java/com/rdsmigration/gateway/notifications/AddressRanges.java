package com.rdsmigration.gateway.notifications;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Addresses a webhook must not reach unless its exact host is allow-listed: loopback, link-local (169.254.0.0/16, the
 * usual cloud metadata address), private, shared (100.64.0.0/10, where Alibaba Cloud serves its metadata at
 * 100.100.100.200), multicast, unspecified and reserved ranges, in IPv4 and IPv6, including IPv4 addresses embedded
 * in IPv6 ones.
 */
final class AddressRanges {

    private static final List<Range> FORBIDDEN = List.of(
            Range.of("0.0.0.0/8"), // "this network", 0.0.0.0 reaches the local host
            Range.of("10.0.0.0/8"),
            Range.of("100.64.0.0/10"), // shared address space: Alibaba Cloud's metadata at 100.100.100.200
            Range.of("127.0.0.0/8"),
            Range.of("169.254.0.0/16"), // link-local: 169.254.169.254 metadata of most clouds
            Range.of("172.16.0.0/12"),
            Range.of("192.0.0.0/24"),
            Range.of("192.168.0.0/16"),
            Range.of("198.18.0.0/15"),
            Range.of("224.0.0.0/4"), // multicast
            Range.of("240.0.0.0/4"), // reserved, and the broadcast address
            Range.of("::/128"),
            Range.of("::1/128"),
            Range.of("64:ff9b:1::/48"), // local-use NAT64: the IPv4 inside is not where it leads
            Range.of("2001::/32"), // Teredo: a tunnel to an IPv4 address hidden in the bits, never a webhook's host
            Range.of("fc00::/7"), // unique local
            Range.of("fe80::/10"), // link-local
            Range.of("fec0::/10"), // site-local (deprecated)
            Range.of("ff00::/8")); // multicast

    private AddressRanges() {}

    /**
     * Whether a webhook must not be sent to this address (unless its exact host is allow-listed): an IPv6 address that
     * embeds an IPv4 one ({@link EmbeddedIpv4}) is judged by that address too, whether it came from a literal or from a
     * resolver.
     */
    static boolean isForbidden(InetAddress address) {
        if (EmbeddedIpv4.in(address).stream().anyMatch(AddressRanges::isForbidden)) {
            return true;
        }
        byte[] bytes = address.getAddress();
        return FORBIDDEN.stream().anyMatch(range -> range.contains(bytes));
    }

    /** A CIDR block. */
    private record Range(byte[] network, int prefix) {

        static Range of(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                // Only literals here: no name is looked up.
                byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                return new Range(network, Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
