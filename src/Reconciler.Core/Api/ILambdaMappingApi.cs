using Reconciler.Core.Model;

namespace Reconciler.Core.Api;

/// <summary>
/// The one port through which the engine reaches live state: the five event source mapping operations and
/// the three tag operations on a mapping's ARN, in domain types. Implemented by the embedded local target
/// (Reconciler.Emulator) and by the AWS REST-JSON client (Esmctl). Failures the service reports are thrown
/// as <see cref="LambdaApiException"/>.
/// </summary>
public interface ILambdaMappingApi
{
    /// <summary>One page of ListEventSourceMappings. The service returns at most 100 items whatever MaxItems says.</summary>
    Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken);

    /// <summary>Throws ResourceNotFoundException if the mapping is gone.</summary>
    Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken);

    Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken);

    /// <summary>Sends only the non-null members of <paramref name="changes"/>; the service rejects create-only members.</summary>
    Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken);

    /// <summary>Returns the mapping as deleted, normally in Deleting state.</summary>
    Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken);

    Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken);
}
