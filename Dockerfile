# syntax=docker/dockerfile:1
# Build: docker build -t slackjit .
# Run:   see docs/DEPLOY.md (secrets from the environment, the catalog from a mounted appsettings.Production.json)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig appsettings.json ./
COPY src/SlackJit/SlackJit.csproj src/SlackJit/
RUN dotnet restore src/SlackJit/SlackJit.csproj
COPY src/ src/
RUN dotnet publish src/SlackJit/SlackJit.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
# The embedded SQLite store writes under /app/data; mount a volume there to keep it.
RUN mkdir -p /app/data && chown -R app:app /app/data
USER app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080
VOLUME ["/app/data"]
# The runtime image has no curl: the app asks its own /healthz (dotnet SlackJit.dll --healthcheck, exit 0 or 1).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["dotnet", "SlackJit.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "SlackJit.dll"]
