namespace Reconciler.Core.Validation;

/// <summary>
/// One reason AWS would refuse a CreateEventSourceMapping request, found without calling AWS. <see cref="Field"/> is
/// the request member in the manifest's spelling, without the <c>spec.</c> prefix (<c>batchSize</c>,
/// <c>filterCriteria.filters[0].pattern</c>, <c>tags.team</c>); empty when the problem concerns the whole request.
/// </summary>
public sealed record RequestProblem(string Field, string Message)
{
    /// <summary>field: message</summary>
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";
}
