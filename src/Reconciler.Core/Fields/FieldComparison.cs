namespace Reconciler.Core.Fields;

/// <summary>How the planner compares a member of the manifest with the same member of the live mapping.</summary>
public enum FieldComparison
{
    /// <summary>As values, after normalisation.</summary>
    Value,
    /// <summary>The function: the manifest's name or partial ARN is turned into the FunctionArn the service reports.</summary>
    FunctionArn,
    /// <summary>Not a field of the diff: tags are read with ListTags and diffed on their own.</summary>
    Tags,
    /// <summary>The service picks a value when the manifest gives none (a Kafka consumer group ID is the mapping's
    /// UUID; a Kafka starting position); what it picked is compared only when the manifest names a value.</summary>
    AssignedByService,
}
