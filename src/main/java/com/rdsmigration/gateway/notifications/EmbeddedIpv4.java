package com.rdsmigration.gateway.notifications;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The IPv4 addresses an IPv6 address embeds, by the form's known layout, so that {@link AddressRanges} judges such an
 * address by where it leads. A resolver returns every AAAA record as an {@link Inet6Address}, {@code ::ffff:7f00:1}
 * included (only Java's literal parser turns an IPv4-mapped address into IPv4), so no form may be left to the parser.
 */
final class EmbeddedIpv4 {

    private EmbeddedIpv4() {}

    /**
     * The IPv4 addresses inside an IPv4-mapped ({@code ::ffff:0:0/96}), IPv4-translated ({@code ::ffff:0:0:0/96}),
     * IPv4-compatible ({@code ::/96}), NAT64 ({@code 64:ff9b::/96}), 6to4 ({@code 2002::/16}) or Teredo
     * ({@code 2001::/32}: its server and its client, whose bits are inverted) address; none for any other address.
     * Local-use NAT64 ({@code 64:ff9b:1::/48}) puts the IPv4 address where its operator's prefix length says, which
     * cannot be known here: {@link AddressRanges} refuses that range whole.
     */
    static List<Inet4Address> in(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return List.of();
        }
        byte[] b = address.getAddress();
        boolean mapped = zero(b, 0, 10) && ff(b, 10) && ff(b, 11);
        boolean translated = zero(b, 0, 8) && ff(b, 8) && ff(b, 9) && zero(b, 10, 12);
        boolean compatible = zero(b, 0, 12);
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && ff(b, 2) && b[3] == (byte) 0x9b && zero(b, 4, 12);
        if (mapped || translated || compatible || nat64) {
            return List.of(ipv4(b, 12, 0));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return List.of(ipv4(b, 2, 0));
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            return List.of(ipv4(b, 4, 0), ipv4(b, 12, 0xff));
        }
        return List.of();
    }

    private static boolean ff(byte[] bytes, int index) {
        return bytes[index] == (byte) 0xff;
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Inet4Address ipv4(byte[] bytes, int from, int xor) {
        byte[] ipv4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            ipv4[i] = (byte) (bytes[from + i] ^ xor);
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(ipv4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
