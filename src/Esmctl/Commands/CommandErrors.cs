using System.Text.RegularExpressions;
using Esmctl.Aws;
using Esmctl.Targets;
using Reconciler.Core.Api;
using Reconciler.Emulator.Persistence;

namespace Esmctl.Commands;

/// <summary>Turns the failures a command can meet into one line a person can act on, never a stack trace
/// (unless --debug or ESMCTL_DEBUG=1). Bugs still surface: only the failure kinds below are caught.</summary>
public static partial class CommandErrors
{
    public static async Task<int> GuardAsync(CommandConsole console, bool debug, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (OperationCanceledException e)
        {
            await ReportAsync(console, debug, "cancelled", e);
        }
        catch (Exception e) when (IsTargetFailure(e))
        {
            await ReportAsync(console, debug, Describe(e), e);
        }
        catch (Exception e) when (!debug)
        {
            await ReportAsync(console, debug, $"unexpected {e.GetType().Name}: {e.Message} (run with --debug for details)", e);
        }
        return ExitCodes.Error;
    }

    /// <summary>The one line; with --debug, the whole exception after it (inner exceptions and stack traces). Standard
    /// error may be gone (a terminal that hung up): the exit code still says it failed, and nothing is thrown from here.</summary>
    private static async Task ReportAsync(CommandConsole console, bool debug, string message, Exception e)
    {
        var error = QuietOnFailureWriter.Over(console.Error);
        // Exception texts can quote a credentials file or a URL with a password (the SDK's own messages do).
        await error.WriteLineAsync($"error: {SecretText.Redact(message)}");
        if (debug) await error.WriteLineAsync(SecretText.Redact(e.ToString()));
    }

    /// <summary>
    /// The failures of reaching or using a target (no credentials, an unreachable endpoint, an API error, a damaged
    /// local state file, a timeout), as opposed to a bug: the one list for a one-shot command (one error line), a target
    /// of a multi-target run (that target fails, the others go on) and a daemon tick (the loop backs off).
    /// </summary>
    public static bool IsTargetFailure(Exception e) =>
        e is TargetException or AwsConfigurationException or LocalStateException or LambdaApiException or HttpRequestException
            or IOException or TimeoutException or TaskCanceledException or Amazon.Runtime.ProcessAWSCredentialException;

    /// <summary>
    /// One line for a failure reaching or using a target, secrets redacted: the one wording for a one-shot command, a
    /// target of a multi-target run and a daemon tick (an API error with the IAM action to grant, an unreachable
    /// endpoint, or the exception's own message).
    /// </summary>
    public static string Describe(Exception e) => SecretText.Redact(e switch
    {
        LambdaApiException api => Describe(api),
        HttpRequestException http => $"could not reach the endpoint: {http.Message}",
        // Thrown when a request is signed, not when the target opens. Its first line is the helper's own complaint (what
        // it wrote to standard error); what it wrote to standard output, the keys, is never quoted by the SDK.
        Amazon.Runtime.ProcessAWSCredentialException process =>
            $"the AWS profile's credential_process failed: {process.Message.Split('\n')[0].Trim()}",
        _ => e.Message,
    });

    /// <summary>One line for an API error; for AccessDenied, the IAM action to grant.</summary>
    public static string Describe(LambdaApiException e)
    {
        var answered = $"the Lambda API answered {e.ErrorCode} (HTTP {e.StatusCode}): {e.ServiceMessage}";
        if (!e.Is("AccessDeniedException") && e.StatusCode != 403) return answered;
        var action = MissingAction(e);
        return action is null
            ? $"{answered}. The credentials lack an IAM permission; esmctl needs {string.Join(", ", RequiredActions)}."
            : $"{answered}. Grant {action} to the caller (see docs/reference/cli.md for the full policy).";
    }

    /// <summary>Every IAM action plan and apply use; the policy a CI role needs.</summary>
    public static IReadOnlyList<string> RequiredActions { get; } =
    [
        "lambda:ListEventSourceMappings", "lambda:GetEventSourceMapping", "lambda:CreateEventSourceMapping",
        "lambda:UpdateEventSourceMapping", "lambda:DeleteEventSourceMapping", "lambda:ListTags",
        "lambda:TagResource", "lambda:UntagResource", "sts:GetCallerIdentity",
    ];

    /// <summary>The action AWS names in its message ("... is not authorized to perform: lambda:X on ..."), else the
    /// operation the client was calling, whose IAM action for Lambda has the same name.</summary>
    private static string? MissingAction(LambdaApiException e)
    {
        var named = NamedAction().Match(e.ServiceMessage);
        if (named.Success) return named.Groups[1].Value;
        return e.Data[LambdaRestClient.OperationDataKey] is string operation ? $"lambda:{operation}" : null;
    }

    [GeneratedRegex(@"perform: ([a-z0-9-]+:[A-Za-z0-9]+)")]
    private static partial Regex NamedAction();
}
