# syntax=docker/dockerfile:1

# --- build: compile and package the jar with the Maven wrapper ---------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package \
    && cp target/app-secrets-vault-*.jar /app.jar

# --- run: a JRE and the jar, as an unprivileged user ---------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system vault && useradd --system --gid vault --home-dir /app --shell /usr/sbin/nologin vault
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER vault
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
