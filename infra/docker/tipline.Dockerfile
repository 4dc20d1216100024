# TipLine: one image for every target (--target all | intake | routing | teams).
# Build context: the repository root (see docker-compose.yml).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Build settings first: analyzers and warnings-as-errors must match a local build.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/TipLine/TipLine.csproj -c Release -o /app /p:UseAppHost=false

# The runtime on Debian 12, the system TipLine is tested on, so the voicemail tools are the tested ones:
# sox disguises voices (libsox-fmt-mp3 reads MP3) and pocketsphinx_continuous is the offline English
# transcriber. Production points Voicemail:Transcriber at a Whisper server instead. curl serves the
# container health check (/readyz).
FROM debian:12-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata libicu72 libssl3 curl \
        sox libsox-fmt-mp3 pocketsphinx pocketsphinx-en-us \
    && rm -rf /var/lib/apt/lists/*
COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet
ENV APP_UID=1654 DOTNET_ROOT=/usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && useradd --uid "$APP_UID" --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /app ./
# Data-protection keys live on a volume; the directory is created here so a fresh named
# volume inherits the non-root owner.
RUN mkdir -p /keys && chown "$APP_UID" /keys
# $APP_UID is the non-root 'app' user created above.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DataProtection__KeysPath=/keys
EXPOSE 8080
ENTRYPOINT ["dotnet", "TipLine.dll"]
CMD ["--target", "all"]
