using System.Text.Json.Serialization;

namespace Reconciler.Core.SavedPlans;

/// <summary>Source-generated serialisation metadata for saved plans: no reflection, stable property order.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SavedPlanDocument))]
[JsonSerializable(typeof(SavedPlanSetDocument))]
internal sealed partial class SavedPlanJsonContext : JsonSerializerContext;
