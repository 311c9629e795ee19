namespace Reconciler.Core.Model;

/// <summary>The State strings the API documents, and what they mean for a reconciler.</summary>
public static class MappingStates
{
    public const string Creating = "Creating";
    public const string Enabling = "Enabling";
    public const string Enabled = "Enabled";
    public const string Disabling = "Disabling";
    public const string Disabled = "Disabled";
    public const string Updating = "Updating";
    public const string Deleting = "Deleting";

    public static bool IsTransitional(string state) =>
        state is Creating or Enabling or Disabling or Updating or Deleting;

    /// <summary>Enabling counts as enabled and Disabling as disabled; Creating/Updating keep no verdict (null).</summary>
    public static bool? IsEnabled(string state) => state switch
    {
        Enabled or Enabling => true,
        Disabled or Disabling => false,
        _ => null,
    };
}
