namespace Reconciler.Emulator.ControlPlane;

/// <summary>Operation names as the API model spells them, used in the request log and counters.</summary>
public static class ApiOperations
{
    public const string List = "ListEventSourceMappings";
    public const string Get = "GetEventSourceMapping";
    public const string Create = "CreateEventSourceMapping";
    public const string Update = "UpdateEventSourceMapping";
    public const string Delete = "DeleteEventSourceMapping";
    public const string ListTags = "ListTags";
    public const string Tag = "TagResource";
    public const string Untag = "UntagResource";
}
