# TipLine: one image for every target (--target all | intake | routing | teams).
# Build context: the repository root (see docker-compose.yml).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Build settings first: analyzers and warnings-as-errors must match a local build.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/TipLine/TipLine.csproj -c Release -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# Data-protection keys live on a volume; the directory is created here so a fresh named
# volume inherits the non-root owner.
RUN mkdir -p /keys && chown "$APP_UID" /keys
# $APP_UID is the image's built-in non-root 'app' user.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DataProtection__KeysPath=/keys
EXPOSE 8080
ENTRYPOINT ["dotnet", "TipLine.dll"]
CMD ["--target", "all"]
