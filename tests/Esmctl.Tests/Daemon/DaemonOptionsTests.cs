using Esmctl.Daemon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Esmctl.Tests.Daemon;

public sealed class DaemonOptionsTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("60s", 60_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("00:01:00", 60_000)]
    public void Durations_read_as_people_write_them(string text, int milliseconds)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
        Assert.True(Duration.TryParse(Duration.Format(value), out var again));
        Assert.Equal(value, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("60")]
    [InlineData("5x")]
    [InlineData("-5s")]
    [InlineData("s")]
    [InlineData("5m junk")]
    public void Nonsense_durations_are_refused(string text) => Assert.False(Duration.TryParse(text, out _));

    [Fact]
    public void Defaults_are_valid()
    {
        var result = Validate(Bind(new() { ["Paths:0"] = "manifests" }));
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("Interval", "0s", "Interval must be greater than zero")]
    [InlineData("Interval", "00:00:00", "Interval must be greater than zero")]
    [InlineData("Interval", "-00:00:05", "Interval must be greater than zero")]
    [InlineData("Interval", "soon", "Interval: 'soon' is not a duration")]
    [InlineData("TagRefreshInterval", "0ms", "TagRefreshInterval must be greater than zero")]
    [InlineData("Listen", "0.0.0.0:9464", "not a loopback address")]
    [InlineData("Listen", "10.1.2.3:80", "not a loopback address")]
    [InlineData("Listen", "127.0.0.1", "is not host:port")]
    [InlineData("Listen", "example.com:9464", "is not host:port")]
    [InlineData("ObserveOnly", "maybe", "ObserveOnly: 'maybe' is not true or false")]
    public void Bad_settings_are_rejected_with_a_reason(string key, string value, string reason)
    {
        var result = Validate(Bind(new() { ["Paths:0"] = "manifests", [key] = value }));
        Assert.False(result.Succeeded);
        Assert.Contains(result.Failures!, failure => failure.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1:9464")]
    [InlineData("[::1]:9464")]
    [InlineData("localhost:0")]
    public void Loopback_listen_addresses_are_accepted(string listen) =>
        Assert.True(Validate(Bind(new() { ["Paths:0"] = "m", ["Listen"] = listen })).Succeeded);

    [Fact]
    public void A_non_loopback_listen_address_needs_the_explicit_allowance()
    {
        Assert.True(Validate(Bind(new() { ["Paths:0"] = "m", ["Listen"] = "0.0.0.0:9464", ["ListenAny"] = "true" })).Succeeded);
    }

    [Fact]
    public void Data_annotations_cover_paths_jitter_and_log_format()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jitter"] = "1.5",
            ["LogFormat"] = "xml",
        }).Build();
        Func<DaemonOptions, IReconcileTick> noTick = _ => throw new InvalidOperationException("not started");
        services.AddReconcileDaemon(configuration, noTick);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<DaemonOptions>>();

        var error = Assert.Throws<OptionsValidationException>(() => options.Value);
        Assert.Contains(error.Failures, f => f.Contains("no manifest path: give one (esmctl run PATH)", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Jitter", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("LogFormat must be text or json", StringComparison.Ordinal));
    }

    [Fact]
    public void Command_line_beats_environment_beats_config_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"esmctl-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            { "paths": ["from-file"], "interval": "2m", "owner": "file-owner", "prune": true, "tagRefreshInterval": "30m", "listen": "127.0.0.1:1000" }
            """);
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ESMCTL_INTERVAL"] = "90s",
                ["ESMCTL_OBSERVE_ONLY"] = "true",
                ["ESMCTL_OWNER"] = "env-owner",
                ["ESMCTL_CONFIG"] = file,
                ["OTHER_INTERVAL"] = "1s",
            };
            var commandLine = new Dictionary<string, string?> { ["Owner"] = "cli-owner", ["Paths:0"] = "a", ["Paths:1"] = "b" };

            var options = new DaemonOptions();
            DaemonOptionsBinder.Bind(DaemonConfiguration.Build(null, commandLine, environment), options);

            Assert.Equal(["a", "b"], options.Paths);
            Assert.Equal("cli-owner", options.Owner);
            Assert.Equal(TimeSpan.FromSeconds(90), options.Interval);
            Assert.True(options.ObserveOnly);
            Assert.True(options.Prune);
            Assert.Equal(TimeSpan.FromMinutes(30), options.TagRefreshInterval);
            Assert.Equal("127.0.0.1:1000", options.Listen);
            Assert.Empty(options.BindingErrors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_named_config_file_that_is_missing_is_an_error()
    {
        Assert.ThrowsAny<IOException>(() =>
            DaemonConfiguration.Build("/nonexistent/esmctl.json", new Dictionary<string, string?>(), new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData("aws", true)]
    [InlineData("local", true)]
    [InlineData("local:/var/lib/esmctl/state.json", true)]
    [InlineData("azure", false)]
    [InlineData("local:", false)]
    public void The_target_is_checked_before_start(string target, bool valid)
    {
        var result = Validate(Bind(new() { ["Paths:0"] = "m", ["Target"] = target }));
        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.Contains("Target: unknown target", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_target_setting_beside_esmctl_yaml_is_refused_naming_the_option_and_the_variable()
    {
        using var workspace = new Support.TempWorkspace();
        Directory.CreateDirectory(workspace.Manifests);
        File.WriteAllText(Path.Combine(workspace.Manifests, "esmctl.yaml"), "targets:\n  - name: a\n    region: us-east-1\n    account: \"111111111111\"\n");
        Assert.True(Validate(Bind(new() { ["Paths:0"] = workspace.Manifests })).Succeeded);

        var result = Validate(Bind(new() { ["Paths:0"] = workspace.Manifests, ["Target"] = "aws", ["EndpointUrl"] = "http://127.0.0.1:1" }));
        Assert.False(result.Succeeded);
        Assert.Contains("names a target too", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("--target, --endpoint-url", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ESMCTL_TARGET, ESMCTL_ENDPOINT_URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_folder_holding_esmctl_yaml_given_with_other_paths_is_refused()
    {
        // Its esmctl.yaml would be ignored and its manifests reconciled against the one target of the settings.
        using var workspace = new Support.TempWorkspace();
        File.WriteAllText(Path.Combine(workspace.Manifests, "esmctl.yaml"), "targets:\n  - name: a\n    region: us-east-1\n    account: \"111111111111\"\n");
        var other = workspace.In("other");
        Directory.CreateDirectory(other);

        var result = Validate(Bind(new() { ["Paths:0"] = other, ["Paths:1"] = workspace.Manifests }));

        Assert.False(result.Succeeded);
        Assert.Contains("other paths are named with it", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_esmctl_yaml_stops_the_daemon_before_start()
    {
        using var workspace = new Support.TempWorkspace();
        Directory.CreateDirectory(workspace.Manifests);
        File.WriteAllText(Path.Combine(workspace.Manifests, "esmctl.yaml"), "targets:\n  - name: a\n");
        var result = Validate(Bind(new() { ["Paths:0"] = workspace.Manifests }));
        Assert.False(result.Succeeded);
        Assert.Contains("esmctl.yaml", result.FailureMessage, StringComparison.Ordinal);
    }

    private static DaemonOptions Bind(Dictionary<string, string?> values)
    {
        var options = new DaemonOptions();
        DaemonOptionsBinder.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), options);
        return options;
    }

    private static ValidateOptionsResult Validate(DaemonOptions options) =>
        new DaemonOptionsValidator().Validate(null, options);
}
