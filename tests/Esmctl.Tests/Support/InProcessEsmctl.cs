using Amazon.Runtime;
using Esmctl.Aws;
using Esmctl.Targets;

namespace Esmctl.Tests.Support;

/// <summary>
/// esmctl's command line run in this process: the same parsing, handlers and output as the binary (through
/// <see cref="Program.RunAsync"/>), with services a test chooses instead of the process's: captured output, the
/// environment given (never the test host's), a jitter of 0 (so the AWS client's retry backoff never waits), and
/// either the local file-backed target or the HTTP emulator over loopback sockets. Paths must be absolute: the test
/// host's working directory is shared by tests running at once.
/// </summary>
public sealed record InProcessEsmctl
{
    public static InProcessEsmctl Default { get; } = new();

    public static InProcessEsmctl With(IReadOnlyDictionary<string, string?> environment, string? stdin = null) =>
        new() { Environment = environment, Stdin = stdin };

    /// <summary>Services that write nowhere, for tests that only build or parse commands.</summary>
    public static CommandServices Quiet => Default.Services(TextWriter.Null, TextWriter.Null, TextReader.Null);

    /// <summary>The variables the run sees; null values are absent. Default: static test credentials, us-east-1, no
    /// profile, no endpoint variables (<see cref="EmulatorHarness.AwsEnvironment"/>).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = EmulatorHarness.AwsEnvironment();

    public string? Stdin { get; init; }

    /// <summary>The clock of the run (waits, settle polls, the local target's timestamps).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Func<double> Jitter { get; init; } = () => 0.0;

    /// <summary>Pretend a person is at a terminal (prompts, tables); colour stays off unless asked for.</summary>
    public bool Interactive { get; init; }

    /// <summary>The signals apply watches: by default a fresh handle nobody raises; a test that interrupts a run gives
    /// its own (<see cref="InterruptSignals.Manual"/>) and raises it.</summary>
    public Func<InterruptSignals> Interrupts { get; init; } = InterruptSignals.Manual;

    /// <summary>How long one run may take before the test fails (a hung run must fail the test, not the build).</summary>
    public TimeSpan Bound { get; init; } = TimeSpan.FromSeconds(90);

    public Task<EsmctlProcess.Result> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public async Task<EsmctlProcess.Result> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var services = Services(output, error, new StringReader(Stdin ?? ""));
        // On the thread pool, so a test that blocks on the result (Run) cannot deadlock its own synchronisation context.
        var code = await Task.Run(() => Program.RunAsync(args, services), cancellationToken).WaitAsync(Bound, cancellationToken);
        return new EsmctlProcess.Result(code, output.ToString(), error.ToString());
    }

    /// <summary>The synchronous form for tests written against <see cref="EsmctlProcess.Run(string, string[])"/>.</summary>
    public EsmctlProcess.Result Run(params string[] args) => RunAsync(args).GetAwaiter().GetResult();

    public CommandServices Services(TextWriter output, TextWriter error, TextReader input)
    {
        var variables = Environment
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Key, pair => pair.Value!, StringComparer.Ordinal);
        var aws = new AwsTargetFactory(
            AwsTargetFactory.SocketsHandler(), TimeProvider.System, Jitter,
            environment: name => variables.GetValueOrDefault(name),
            resolveCredentials: (_, _) => Credentials(variables),
            profileEndpoint: (_, _) => null);
        var console = new CommandConsole(output, error, input, Interactive)
        {
            ErrorIsTerminal = Interactive,
            ColorForbidden = variables.ContainsKey("NO_COLOR"),
        };
        return new CommandServices(console, new TargetOpener(aws, Time), Time, Jitter, variables)
        {
            Debug = variables.GetValueOrDefault(Commands.DebugOption.EnvironmentVariable) == "1",
            Interrupts = Interrupts,
        };
    }

    /// <summary>The environment's static keys, as the SDK's chain would find them first; the chain's other sources
    /// (profiles, SSO, metadata) read the process and are covered by process tests.</summary>
    private static Task<AWSCredentials> Credentials(IReadOnlyDictionary<string, string> variables)
    {
        if (!variables.TryGetValue("AWS_ACCESS_KEY_ID", out var id) || !variables.TryGetValue("AWS_SECRET_ACCESS_KEY", out var secret))
            throw new AmazonClientException("Failed to resolve AWS credentials: no AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment.");
        return Task.FromResult<AWSCredentials>(variables.TryGetValue("AWS_SESSION_TOKEN", out var token)
            ? new SessionAWSCredentials(id, secret, token)
            : new BasicAWSCredentials(id, secret));
    }
}
