using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Fields;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;

namespace Reconciler.Benchmarks;

/// <summary><c>probe FOLDER</c>: the wall and CPU time of the first use of each part a fresh <c>esmctl validate</c> touches
/// (the field table's text and its parse, System.Text.Json's first use, the compiled schema, reading and parsing the
/// folder's files), then a whole load of the folder twice: where a command's start-up goes, part by part.</summary>
public static class StartupProbe
{
    public static void Run(string folder)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        void Mark(string what)
        {
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine($"{what,-20} {clock.Elapsed.TotalMilliseconds,7:F1} ms wall {(now - cpu).TotalMilliseconds,7:F1} ms cpu");
            clock.Restart();
            cpu = now;
        }

        var text = MappingFields.Text();
        Mark("field text");
        using (var document = JsonDocument.Parse(text))
        {
            Mark("JsonDocument.Parse");
            foreach (var field in document.RootElement.GetProperty("fields").EnumerateArray()) _ = field.GetProperty("path").GetString();
            Mark("walk elements");
        }
        _ = JsonNode.Parse("{\"a\":[1,2]}");
        Mark("JsonNode small");
        _ = new JsonObject { ["x"] = 1 };
        Mark("JsonObject new");
        _ = JsonNode.Parse(text);
        Mark("JsonNode.Parse");
        _ = MappingFields.Table;
        Mark("field table");
        _ = SchemaValidator.Manifest;
        Mark("compiled schema");
        var diagnostics = new DiagnosticBag();
        var files = ManifestFileReader.Read([folder], diagnostics);
        Mark("read files");
        foreach (var file in files) ManifestParser.Parse(file.Path, file.Content, diagnostics);
        Mark("parse (yaml)");
        ManifestLoader.Load([folder]);
        Mark("load (all again)");
        ManifestLoader.Load([folder]);
        Mark("load (warm)");
    }
}
