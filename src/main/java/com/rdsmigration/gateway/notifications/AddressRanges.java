package com.rdsmigration.gateway.notifications;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

    /** Whether a webhook must not be sent to this address (unless its exact host is allow-listed). */
    static boolean isForbidden(InetAddress address) {
        InetAddress embedded = embeddedIpv4(address);
        if (embedded != null && isForbidden(embedded)) {
            return true;
        }
        byte[] bytes = address.getAddress();
        return FORBIDDEN.stream().anyMatch(range -> range.contains(bytes));
    }

    /**
     * The IPv4 address inside an IPv4-compatible ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96}) or 6to4
     * ({@code 2002::/16}) address. (Java turns IPv4-mapped {@code ::ffff:a.b.c.d} into IPv4 by itself.)
     */
    private static @Nullable InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        boolean compatible = allZero(b, 0, 12) && !allZero(b, 12, 16);
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && allZero(b, 4, 12);
        if (compatible || nat64) {
            return ipv4(Arrays.copyOfRange(b, 12, 16));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return ipv4(Arrays.copyOfRange(b, 2, 6));
        }
        return null;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return Inet4Address.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
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
