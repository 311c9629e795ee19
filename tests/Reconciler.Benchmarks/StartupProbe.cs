namespace Reconciler.Benchmarks;
public static class StartupProbe
{
    public static void Run(string examples)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        void Mark(string what) { var c = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime; Console.WriteLine($"{what,-20} {sw.Elapsed.TotalMilliseconds,7:F1} ms wall {(c - cpu0).TotalMilliseconds,7:F1} ms cpu"); sw.Restart(); cpu0 = c; }
        var text = Reconciler.Core.Fields.MappingFields.Text(); Mark("field text");
        using (var doc = System.Text.Json.JsonDocument.Parse(text)) { Mark("JsonDocument.Parse"); foreach (var f in doc.RootElement.GetProperty("fields").EnumerateArray()) _ = f.GetProperty("path").GetString(); Mark("walk elements"); }
        var small = System.Text.Json.Nodes.JsonNode.Parse("{\"a\":[1,2]}"); Mark("JsonNode small");
        var obj = new System.Text.Json.Nodes.JsonObject { ["x"] = 1 }; Mark("JsonObject new");
        var node = System.Text.Json.Nodes.JsonNode.Parse(text); Mark("JsonNode.Parse");
        _ = Reconciler.Core.Fields.MappingFields.Table; Mark("field table");
        _ = Reconciler.Core.Validation.SchemaValidator.Manifest; Mark("compiled schema");
        var d = new Reconciler.Core.Diagnostics.DiagnosticBag();
        var files = Reconciler.Core.Manifests.ManifestFileReader.Read([examples], d); Mark("read files");
        foreach (var f in files) Reconciler.Core.Manifests.ManifestParser.Parse(f.Path, f.Content, d); Mark("parse (yaml)");
        var set = Reconciler.Core.Manifests.ManifestLoader.Load([examples]); Mark("load (all again)");
        set = Reconciler.Core.Manifests.ManifestLoader.Load([examples]); Mark("load (warm)");
    }
}
