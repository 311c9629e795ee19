using Esmctl.Targets;
using Reconciler.Core.Api;

namespace Esmctl.Commands;

/// <summary>Turns the failures a command can meet into one line a person can act on, never a stack trace
/// (unless ESMCTL_DEBUG=1). Bugs still surface: only the failure kinds below are caught.</summary>
public static class CommandErrors
{
    public static async Task<int> GuardAsync(CommandConsole console, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (TargetException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
        }
        catch (LambdaApiException e)
        {
            await console.Error.WriteLineAsync($"error: the Lambda API answered {e.ErrorCode} (HTTP {e.StatusCode}): {e.ServiceMessage}");
        }
        catch (HttpRequestException e)
        {
            await console.Error.WriteLineAsync($"error: could not reach the endpoint: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("error: cancelled");
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("ESMCTL_DEBUG") != "1")
        {
            await console.Error.WriteLineAsync($"error: unexpected {e.GetType().Name}: {e.Message} (set ESMCTL_DEBUG=1 for details)");
        }
        return ExitCodes.Error;
    }
}
