# Apertium APY with the English<->Spanish pair: translates reports for the teams.
FROM debian:12-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y apertium-apy apertium-eng-spa \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --no-create-home --shell /usr/sbin/nologin apy
USER apy
EXPOSE 2737
# APY is python: use it for the health check rather than adding curl to the image.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=6 \
  CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:2737/listPairs', timeout=4)"]
CMD ["apertium-apy", "-p", "2737", "/usr/share/apertium/modes"]
