using Reconciler.Emulator.ApiModel;
using Reconciler.Emulator.ControlPlane.Behaviour;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>What the control plane knows about the API, read once from the embedded model and behaviour table: the
/// shapes and constraints, the per-source behaviour, and the service's rules built on them. Immutable.</summary>
internal sealed class ControlPlaneModel
{
    private static readonly Lazy<ControlPlaneModel> EmbeddedModel = new(() => new ControlPlaneModel(LambdaModel.Embedded));

    public ControlPlaneModel(LambdaModel api)
    {
        Api = api;
        Constraints = new ConstraintChecker(api);
        Behaviours = SourceBehaviours.Embedded(api);
        Rules = new MappingRules(Behaviours);
        CreateRequest = api.InputOf("CreateEventSourceMapping");
        UpdateRequest = api.InputOf("UpdateEventSourceMapping");
        CreateOnly = CreateRequest.Members.Select(m => m.Name).Where(name => UpdateRequest.Member(name) is null).ToList();
    }

    public static ControlPlaneModel Embedded => EmbeddedModel.Value;

    public LambdaModel Api { get; }
    public ConstraintChecker Constraints { get; }
    public SourceBehaviours Behaviours { get; }
    public MappingRules Rules { get; }
    public ModelShape CreateRequest { get; }
    public ModelShape UpdateRequest { get; }

    /// <summary>Members Create has and Update does not (EventSourceArn, StartingPosition, Topics, Tags ...).</summary>
    public IReadOnlyList<string> CreateOnly { get; }

    /// <summary>Throws ValidationException when <paramref name="request"/> breaks a constraint of the operation's input.</summary>
    public void Validate(string operation, System.Text.Json.Nodes.JsonObject request)
    {
        var violations = Constraints.Check(Api.InputOf(operation), request);
        if (violations.Count > 0) throw ApiErrors.Validation(violations);
    }
}
