# Builds and runs the hub. The build step is build/publish.sh, which CI runs for linux-x64 and linux-arm64.
#   docker build -t charginghub .
#   docker run -p 8080:8080 -v charginghub-data:/data -e Hub__Security__BootstrapAdminPassword=... charginghub
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm util-linux \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
ARG TARGETARCH=amd64
RUN case "$TARGETARCH" in arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac \
 && build/publish.sh "$rid" /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown app:app /data
ENV Hub__DataDirectory=/data \
    ASPNETCORE_URLS=http://+:8080
VOLUME /data
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "ChargingHub.Web.dll"]
