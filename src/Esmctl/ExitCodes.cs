namespace Esmctl;

/// <summary>The process exit codes, as CI systems read them (Terraform's -detailed-exitcode convention).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;
    /// <summary>Success, and the plan has changes (plan --detailed-exitcode).</summary>
    public const int Changes = 2;
}
