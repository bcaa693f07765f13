package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration reference, docs/configuration.md, names every setting of the gateway: each leaf of each
 * {@code @ConfigurationProperties} record, as {@code prefix.kebab-case}, with {@code *} for a map key and {@code [*]}
 * for a list index. A new setting without a line there fails this test.
 */
class ConfigurationReferenceTests {

    @Test
    void configurationReferenceNamesEverySettingOfTheGateway() throws Exception {
        String reference = Files.readString(Path.of("docs/configuration.md"));
        List<String> settings = settings();

        assertThat(settings).as("settings found").hasSizeGreaterThan(40);
        assertThat(settings).allSatisfy(setting -> assertThat(reference).contains("`" + setting + "`"));
    }

    /** The configuration processor's metadata, which IDEs read: every setting in it, each with its description. */
    @Test
    void theBuildDescribesEverySettingForIdes() throws Exception {
        JsonNode metadata;
        try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
            metadata = JsonMapper.builder().build().readTree(in);
        }
        Map<String, String> described = new HashMap<>();
        metadata.path("properties")
                .forEach(property -> described.put(
                        property.path("name").asString(),
                        property.path("description").asString("")));

        assertThat(settings().stream().filter(setting -> !setting.contains("*")))
                .allSatisfy(setting -> assertThat(described.get(setting))
                        .as("the description of %s", setting)
                        .isNotBlank());
    }

    static List<String> settings() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<String> settings = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.rdsmigration.gateway")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), null);
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
            collect(prefix, type, settings);
        }
        return settings;
    }

    private static void collect(String prefix, Type type, List<String> settings) {
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                collect(prefix + "." + kebab(component.getName()), component.getGenericType(), settings);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            collect(prefix + ".*", argument(type, 1), settings);
        } else if (List.class.isAssignableFrom(raw) && raw(argument(type, 0)).isRecord()) {
            collect(prefix + "[*]", argument(type, 0), settings);
        } else {
            settings.add(prefix);
        }
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
