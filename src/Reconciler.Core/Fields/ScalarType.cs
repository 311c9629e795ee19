namespace Reconciler.Core.Fields;

/// <summary>The type of a scalar member, as the API model gives it (and JSON text, which the model types as a string).</summary>
public enum ScalarType
{
    String,
    Integer,
    Boolean,
    /// <summary>An instant: epoch seconds on the wire, an ISO-8601 date-time or epoch seconds in a manifest.</summary>
    Timestamp,
    /// <summary>A string that holds a JSON document (a filter pattern): compared as canonical JSON.</summary>
    JsonText,
}
