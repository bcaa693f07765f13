# syntax=docker/dockerfile:1
#
# The gateway's image: built with the Maven wrapper on a JDK, run on a JRE as a non-root user from the layers of the
# Spring Boot jar, with a JDK AOT cache made by a training run at build time (it halves the time to ready:
# docs/benchmarks.md, "Start-up and memory of the image").
#
#   docker build -t rds-migration-gateway .
#   docker compose up        # with PostgreSQL, profile prod and the simulator: docs/deployment.md
#
# The image starts in profile prod: on PostgreSQL, with the teams' own keys and secrets and Alibaba Cloud's endpoint.
# Started with nothing set, it stops at once naming every missing setting. The sandbox (an embedded database, the
# demo keys and the RDS simulator) is an explicit choice: docker run -e SPRING_PROFILES_ACTIVE=default ...
#
# ContainerImageIT builds this file with Docker where Docker is available (through the Engine API's classic builder,
# without the --mount flag it lacks). Elsewhere it runs these same commands without Docker, in the same layout, and
# starts the result to a healthy gateway: every RUN below is one it knows how to run (or knows to skip), so keep the
# two in step.

ARG JAVA_VERSION=25

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/main/ src/main/
# The tests and the formatter check run in CI (./mvnw verify), not in the image build. The cache mount keeps Maven and
# the dependencies between builds.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -Dmaven.test.skip=true -Dspotless.check.skip=true package \
    && cp target/rds-migration-gateway-*.jar application.jar
# Plain jars (application.jar and lib/), not the launcher's exploded layout: only classes loaded from jars go into the
# AOT cache. Dependencies first, the application last: a code change rebuilds only the last, small layer.
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:${JAVA_VERSION}-jre AS runtime
# The user the gateway runs as, and the one directory it may write to: data/, for the embedded H2 database of the
# sandbox (SPRING_PROFILES_ACTIVE=default; profile prod writes nothing; Tomcat's work files go to /tmp).
RUN groupadd --system --gid 10001 gateway \
    && useradd --system --uid 10001 --gid gateway --home-dir /application --no-create-home \
        --shell /usr/sbin/nologin gateway \
    && install -d -o gateway -g gateway /application/data
WORKDIR /application
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
# Training run: starts the application up to a refreshed context (no port is opened, nothing is called upstream) on a
# throw-away in-memory database, records the classes it loads and links, and writes them to application.aot. It runs
# in the default profile, before the ENV below: prod would (rightly) refuse to start without its settings.
RUN java -XX:AOTCacheOutput=application.aot -Dspring.context.exit=onRefresh -jar application.jar \
        --spring.datasource.url='jdbc:h2:mem:training;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH'
# Secure by default: a container of this image is a production gateway unless told otherwise.
ENV SPRING_PROFILES_ACTIVE=prod
# A numeric user, so that Kubernetes can check runAsNonRoot.
USER 10001:10001
# Operator-tunable JVM options; override the variable as a whole. The heap takes 75% of the container's memory limit.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=application.aot", "-jar", "application.jar"]
