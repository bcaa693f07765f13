package com.rdsmigration.gateway.cloudmigration;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/** An IPv4 address, an IPv6 address or a DNS name; checked by form only, never resolved. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HostName.Validator.class)
@interface HostName {

    /** The longest host this accepts: a DNS name of 253 characters and its optional final dot. */
    int MAX_LENGTH = 254;

    String message() default "must be an IPv4 address, an IPv6 address or a DNS name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validates the three forms without any lookup. */
    class Validator implements ConstraintValidator<HostName, String> {

        private static final Pattern IPV4 =
                Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
        private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
        private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

        @Override
        public boolean isValid(String host, ConstraintValidatorContext context) {
            return host == null || host.isEmpty() || isIpv4(host) || isIpv6(host) || isDnsName(host);
        }

        static boolean isIpv4(String host) {
            return IPV4.matcher(host).matches();
        }

        static boolean isDnsName(String host) {
            String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            if (name.isEmpty() || name.length() > 253 || IPV4_LIKE.matcher(name).matches()) {
                return false;
            }
            for (String label : name.split("\\.", -1)) {
                if (!DNS_LABEL.matcher(label).matches()) {
                    return false;
                }
            }
            return true;
        }

        private static final Pattern IPV4_LIKE = Pattern.compile("[\\d.]+");

        static boolean isIpv6(String host) {
            if (!host.contains(":") || host.indexOf("::") != host.lastIndexOf("::")) {
                return false;
            }
            String body = host;
            int groups = 0;
            int lastColon = body.lastIndexOf(':');
            String tail = body.substring(lastColon + 1);
            if (tail.contains(".")) {
                if (!isIpv4(tail)) {
                    return false;
                }
                body = body.substring(0, lastColon + 1) + "0:0";
            }
            boolean compressed = body.contains("::");
            for (String part : body.split("::", -1)) {
                if (part.isEmpty()) {
                    continue;
                }
                for (String group : part.split(":", -1)) {
                    if (!HEX_GROUP.matcher(group).matches()) {
                        return false;
                    }
                    groups++;
                }
            }
            return compressed ? groups < 8 : groups == 8;
        }
    }
}
