namespace Esmctl;

/// <summary>The process exit codes, as CI systems read them (Terraform's -detailed-exitcode convention).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;
    /// <summary>Success, and the plan has changes (plan --detailed-exitcode).</summary>
    public const int Changes = 2;
    /// <summary>Stopped by SIGHUP (the terminal closed) after finishing what was in flight: 128 + 1.</summary>
    public const int HangUp = 129;
    /// <summary>Stopped by SIGINT (Ctrl-C) after reporting what was done: 128 + 2, as a shell reports it.</summary>
    public const int Interrupted = 130;
    /// <summary>Stopped by SIGTERM after reporting what was done: 128 + 15.</summary>
    public const int Terminated = 143;
}
