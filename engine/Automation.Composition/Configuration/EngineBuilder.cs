using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Automation.Composition.Configuration;

/// <summary>
/// Creates the builders the host, the CLI and the benchmarks compose the engine on, with configuration read once at
/// start-up. Reload-on-change would watch the whole content root, where the embedded database lives: every write to
/// its WAL then wakes the file watcher, which cost a sixth of the CPU of a 1M-event ingest.
/// </summary>
public static class EngineBuilder
{
    private const string NoReload = "--hostBuilder:reloadConfigOnChange=false";

    public static WebApplicationBuilder CreateWeb(string[]? args = null) => WebApplication.CreateBuilder([.. args ?? [], NoReload]);

    public static HostApplicationBuilder CreateHost(string[]? args = null) => Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder([.. args ?? [], NoReload]);
}
