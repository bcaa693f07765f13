package com.rdsmigration.gateway.notifications;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs the gateway will POST to: absolute {@code https} URLs (or {@code http} with
 * {@code gateway.webhooks.allow-http}) without user information, whose host is on {@code gateway.webhooks.allowed-hosts}
 * and, unless that exact host is listed, resolves to public addresses only ({@link AddressRanges}). Applied when a
 * subscription is registered and again before each delivery; {@link GuardedDnsResolver} applies the host rules once
 * more to the very addresses a delivery connects to, so a name that resolves elsewhere by then (DNS rebinding) is
 * refused.
 */
final class WebhookUrlPolicy {

    static final int MAX_LENGTH = 2048;

    /** Looks up a host's addresses; tests substitute their own. */
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowedHosts;
    private final boolean allowHttp;
    private final HostResolver resolver;

    WebhookUrlPolicy(List<String> allowedHosts, boolean allowHttp, HostResolver resolver) {
        this.allowedHosts =
                allowedHosts.stream().map(WebhookUrlPolicy::normalize).toList();
        this.allowHttp = allowHttp;
        this.resolver = resolver;
    }

    /** Why a URL is refused, as a message on the field {@code url}; empty when it is acceptable. */
    Optional<String> refusal(String url) {
        return refusalOf(url).map(Refusal::message);
    }

    /** Why a delivery to a URL is refused, in the words a delivery shows ({@link DeliveryErrors}); empty if it is not. */
    Optional<String> deliveryRefusal(String url) {
        return refusalOf(url).map(Refusal::error);
    }

    private Optional<Refusal> refusalOf(String url) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of(Refusal.url("must be at most " + MAX_LENGTH + " characters long"));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(Refusal.url("must be an absolute http(s) URL"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of(Refusal.url("must be an absolute http(s) URL"));
        }
        if (uri.getRawUserInfo() != null
                || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            return Optional.of(Refusal.url("must not contain user information"));
        }
        if (uri.getHost() == null || uri.getPort() > 65_535) {
            return Optional.of(Refusal.url("must name a valid host and port"));
        }
        if (uri.getRawFragment() != null) {
            return Optional.of(Refusal.url("must not have a fragment"));
        }
        if (scheme.equals("http") && !allowHttp) {
            return Optional.of(Refusal.url("must use https"));
        }
        try {
            check(uri.getHost());
            return Optional.empty();
        } catch (RefusedHostException e) {
            return Optional.of(new Refusal(String.valueOf(e.getMessage()), e.error()));
        }
    }

    /** A refusal: the message for the field {@code url} at registration, and a delivery's error. */
    private record Refusal(String message, String error) {

        static Refusal url(String message) {
            return new Refusal(message, DeliveryErrors.URL_NOT_ALLOWED);
        }
    }

    /**
     * Checks a host without connecting: it must be allowed, and unless it is listed exactly, resolve to public
     * addresses only. An exactly listed host is not looked up, so a receiver may be registered before its name is.
     */
    private void check(String rawHost) throws RefusedHostException {
        String host = allowed(rawHost);
        if (!allowedHosts.contains(host)) {
            publicAddressesOf(host);
        }
    }

    /**
     * The addresses to connect to for a host: all of them public unless the exact host is allow-listed.
     *
     * @throws RefusedHostException when the host is not allowed, cannot be resolved or resolves to a forbidden address
     */
    InetAddress[] addressesOf(String rawHost) throws RefusedHostException {
        String host = allowed(rawHost);
        return allowedHosts.contains(host) ? resolve(host) : publicAddressesOf(host);
    }

    private String allowed(String rawHost) throws RefusedHostException {
        String host = normalize(rawHost);
        if (allowedHosts.isEmpty()) {
            throw new RefusedHostException(
                    "cannot be used: this gateway allows no webhook host", DeliveryErrors.HOST_NOT_ALLOWED);
        }
        if (!allows(host)) {
            throw new RefusedHostException(
                    "names a host that is not allowed (see gateway.webhooks.allowed-hosts)",
                    DeliveryErrors.HOST_NOT_ALLOWED);
        }
        return host;
    }

    private InetAddress[] publicAddressesOf(String host) throws RefusedHostException {
        InetAddress[] addresses = resolve(host);
        for (InetAddress address : addresses) {
            if (AddressRanges.isForbidden(address)) {
                throw new RefusedHostException(
                        "resolves to a loopback, private, link-local or multicast address;"
                                + " only an exactly allow-listed host may",
                        DeliveryErrors.ADDRESS_NOT_ALLOWED);
            }
        }
        return addresses;
    }

    private InetAddress[] resolve(String host) throws RefusedHostException {
        try {
            return resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedHostException("names a host that cannot be resolved", DeliveryErrors.HOST_NOT_FOUND);
        }
    }

    private boolean allows(String host) {
        for (String allowed : allowedHosts) {
            if (allowed.equals(host)
                    || allowed.startsWith("*.")
                            && allowed.length() > 2
                            && host.endsWith(allowed.substring(1))
                            && host.length() > allowed.length() - 1) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, without IPv6 brackets or a final dot: {@code [::1]} and {@code Example.COM.} as listed. */
    static String normalize(String host) {
        String normal = host.trim().toLowerCase(Locale.ROOT);
        if (normal.startsWith("[") && normal.endsWith("]")) {
            normal = normal.substring(1, normal.length() - 1);
        }
        return normal.endsWith(".") ? normal.substring(0, normal.length() - 1) : normal;
    }

    /**
     * A host a webhook must not be sent to; the message says why, safe to show to the subscription's owner when it
     * registers the URL, and {@link #error()} is the short phrase a delivery shows ({@link DeliveryErrors}).
     */
    static final class RefusedHostException extends UnknownHostException {

        private final String error;

        RefusedHostException(String reason, String error) {
            super(reason);
            this.error = error;
        }

        String error() {
            return error;
        }
    }
}
