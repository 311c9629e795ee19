namespace Esmctl.Aws;

/// <summary>
/// "No AWS credentials" in one short paragraph: the sources the SDK's chain tried, each with what was missing, and
/// how to fix it. Only sources that apply are named (web identity and container credentials only when their variables
/// are set; instance metadata only when not disabled), and the SDK's own messages are not repeated, except a problem
/// in a profile file, said as its file and line (never the line's text, which may hold a secret key).
/// </summary>
public static class CredentialsNotFound
{
    public static string Message(string? explicitProfile, Func<string, string?> environment, bool endpointOverride, string? sdkMessage, TimeSpan? timedOut)
    {
        string? Env(string name) => environment(name) is { Length: > 0 } value ? value : null;
        var tried = new List<string>();

        var key = Env("AWS_ACCESS_KEY_ID");
        var secret = Env("AWS_SECRET_ACCESS_KEY");
        tried.Add((key, secret) switch
        {
            (null, null) => "the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set)",
            (not null, null) => "the environment (AWS_ACCESS_KEY_ID is set, AWS_SECRET_ACCESS_KEY is not)",
            (null, not null) => "the environment (AWS_SECRET_ACCESS_KEY is set, AWS_ACCESS_KEY_ID is not)",
            _ => "the environment (its keys were not accepted)",
        });

        var profile = explicitProfile ?? Env("AWS_PROFILE") ?? "default";
        var credentialsFile = Env("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials";
        var configFile = Env("AWS_CONFIG_FILE") ?? "~/.aws/config";
        var problems = sdkMessage is null ? [] : SecretText.FileProblems(sdkMessage);
        tried.Add($"the profile '{profile}' in {credentialsFile} and {configFile} " +
            (problems.Count > 0 ? $"({string.Join("; ", problems)})" : "(no keys, SSO, credential_process or role_arn for it)"));

        if (Env("AWS_WEB_IDENTITY_TOKEN_FILE") is { } token) tried.Add($"web identity (the token in {token} with AWS_ROLE_ARN)");
        if (Env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") is not null || Env("AWS_CONTAINER_CREDENTIALS_FULL_URI") is not null)
            tried.Add("the container credentials endpoint");
        if (!string.Equals(Env("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase))
            tried.Add(timedOut is { } waited ? $"instance metadata (no answer within {waited.TotalSeconds:0} s)" : "instance metadata (not available)");

        var fix = endpointOverride
            ? "An emulator accepts any credentials: set AWS_ACCESS_KEY_ID=test and AWS_SECRET_ACCESS_KEY=test."
            : "To fix: export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws configure`, or `aws sso login --profile NAME` and pass --profile NAME (or set AWS_PROFILE).";
        return $"No AWS credentials found. Tried {string.Join("; ", tried)}. {fix}";
    }
}
