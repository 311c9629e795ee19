using System.Text.Json;

namespace Reconciler.Emulator.Tests.Support;

/// <summary>Records holding lists compare lists by reference; tests compare their JSON instead.</summary>
internal static class Canonical
{
    public static string Json(object? value) => JsonSerializer.Serialize(value);
}
