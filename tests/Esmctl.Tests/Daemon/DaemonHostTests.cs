using Esmctl.Daemon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Esmctl.Tests.Daemon;

public sealed class DaemonHostTests
{
    [Fact]
    public async Task The_host_handles_SIGTERM_itself_and_waits_longer_than_the_loop_grace()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Paths:0"] = "m",
            ["ShutdownGrace"] = "45s",
        }).Build();
        await using var app = DaemonHost.Build(configuration, _ => new ScriptedTick());

        Assert.IsType<Microsoft.Extensions.Hosting.Internal.ConsoleLifetime>(app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostLifetime>());
        var host = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Hosting.HostOptions>>().Value;
        Assert.True(host.ShutdownTimeout > TimeSpan.FromSeconds(45));
    }
}
