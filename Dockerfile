# The esmctl daemon image: `esmctl run` as a non-root user on a distroless base (no shell, no package manager).
# Built for linux/amd64 and linux/arm64 by .github/workflows/image.yml; locally: docker build -t esmctl .
#
#   docker run --rm -v "$PWD/manifests:/manifests:ro" -e AWS_REGION=eu-west-1 esmctl run /manifests --target aws --observe-only
#
# The default command reconciles /manifests on AWS (--target aws; as for plan and apply, the default target of
# `esmctl run` is the embedded local one). With an esmctl.yaml in /manifests, give the command `run /manifests`
# without --target: the daemon then reconciles every target esmctl.yaml lists.
#
# Read-only root file system friendly: esmctl writes nothing at run time (the daemon keeps its state in memory;
# .NET's diagnostics socket is off). HEALTHCHECK asks the daemon's /healthz on loopback with esmctl itself, since
# the image has no curl; a daemon started with --listen on another port needs ESMCTL_LISTEN set to match.

# The SDK runs on the build machine's own platform and cross-compiles (ReadyToRun) for the target's.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
# The commit the binary reports in `esmctl --version` (.git is not sent to the build).
ARG SOURCE_REVISION=unknown
WORKDIR /src
COPY . .
RUN case "$TARGETARCH" in \
      amd64) rid=linux-x64 ;; \
      arm64) rid=linux-arm64 ;; \
      *) echo "unsupported architecture: $TARGETARCH" >&2; exit 1 ;; \
    esac \
 && dotnet publish src/Esmctl/Esmctl.csproj -c Release -r "$rid" --self-contained \
      -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:DebugType=none \
      -p:SourceRevisionId="$SOURCE_REVISION" -o /out

# Only what a self-contained .NET program needs from the OS (libc, CA certificates), and a non-root user "app".
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
COPY --from=build /out/esmctl /usr/local/bin/esmctl
ENV DOTNET_EnableDiagnostics=0 \
    ESMCTL_LOG_FORMAT=json
USER 1654
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["/usr/local/bin/esmctl", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/esmctl"]
CMD ["run", "/manifests", "--target", "aws"]
