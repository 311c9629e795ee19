namespace Reconciler.Core.Applying;

/// <summary>The operations of <see cref="Api.ILambdaMappingApi"/>, for counting calls.</summary>
public enum ApiOperation
{
    List,
    Get,
    Create,
    Update,
    Delete,
    ListTags,
    Tag,
    Untag,
}
