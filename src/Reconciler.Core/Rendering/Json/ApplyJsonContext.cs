using System.Text.Json.Serialization;

namespace Reconciler.Core.Rendering.Json;

/// <summary>Source-generated serialisation metadata for the apply report: no reflection, stable property order.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ApplyDocument))]
internal sealed partial class ApplyJsonContext : JsonSerializerContext;
