# syntax=docker/dockerfile:1
# Automation engine image: designer (npm) -> .NET publish + plugins -> ASP.NET runtime.
#   docker build -t automation .        or        docker compose up --build

# ---------------------------------------------------------------- 1. designer
FROM node:20-bookworm-slim AS designer
WORKDIR /src/engine/designer
COPY engine/designer/package*.json ./
RUN npm ci --no-audit --no-fund
COPY engine/designer/ ./
# the designer's build writes to ../Automation.Host/wwwroot
RUN npm run build && test -d /src/engine/Automation.Host/wwwroot

# ---------------------------------------------------------------- 2. .NET build
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    MSBUILDDISABLENODEREUSE=1
WORKDIR /src
COPY . .
COPY --from=designer /src/engine/Automation.Host/wwwroot engine/Automation.Host/wwwroot

# Host: the designer is already built above, so the project must not run npm itself.
RUN --mount=type=cache,id=automation-nuget,target=/root/.nuget/packages \
    dotnet publish engine/Automation.Host -c Release -o /app -p:SkipDesignerBuild=true

# Plugins: every plugins/Automation.Plugins.* project except the SDK; each build writes
# artifacts/plugins/<Name>/, which becomes /app/plugins/<Name>/.
RUN --mount=type=cache,id=automation-nuget,target=/root/.nuget/packages \
    set -eu; \
    for proj in plugins/Automation.Plugins.*/*.csproj; do \
        [ -f "$proj" ] || continue; \
        name=$(basename "$proj" .csproj); \
        case "$name" in Automation.Plugins.Sdk|*.Tests) continue ;; esac; \
        echo "building plugin $name"; \
        dotnet build "$proj" -c Release; \
    done; \
    mkdir -p /app/plugins; \
    if [ -d artifacts/plugins ]; then cp -a artifacts/plugins/. /app/plugins/; fi; \
    ls -la /app/plugins

# ---------------------------------------------------------------- 3. runtime
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# /app/data is the only place the engine writes; the image runs as the non-root "app" user.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_URLS=http://+:5080 \
    Automation__PluginsPath=/app/plugins
VOLUME /app/data
EXPOSE 5080
USER $APP_UID
ENTRYPOINT ["dotnet", "Automation.Host.dll"]
