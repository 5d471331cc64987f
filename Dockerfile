# nlentry's chat-bot server: one `nlentry serve` process per container (run two or more behind a proxy;
# compose.yaml does). Secrets (NLENTRY_SECRET_KEY, the database password in NLENTRY_DATABASE_URL) come
# from the environment at run time, never from the image. See docs/deploy.md.
FROM python:3.12-slim

WORKDIR /src
COPY pyproject.toml README.md ./
COPY nlentry ./nlentry
COPY grammars ./grammars
RUN pip install --no-cache-dir '.[server,postgres]' \
    && useradd --system --uid 10001 --user-group --home-dir /var/lib/nlentry --create-home nlentry \
    && chmod 0700 /var/lib/nlentry

# the server's home: its config.toml (optional) and the users' folders (users/<id>/: their journals)
ENV NLENTRY_HOME=/var/lib/nlentry
VOLUME /var/lib/nlentry
WORKDIR /var/lib/nlentry
USER nlentry
EXPOSE 8080

# liveness: the process answers HTTP (readiness, /readyz, is the proxy's business)
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=2)"]

ENTRYPOINT ["nlentry"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
