using System.Diagnostics;
using System.Runtime;
using ChargingHub.Web.Ocpp;
using ChargingHub.Web.Security;

namespace ChargingHub.Web.Api;

/// <summary>
/// <c>GET /api/diagnostics</c> (admin): how many chargers are connected and what the hub holds in memory. The
/// managed heap is read after a full, compacting collection, so two readings are comparable (the benchmarks
/// use it to measure the memory per connected charger); <c>?collect=false</c> skips the collection, for a
/// cheap reading of the counters (bytes allocated so far, collections).
/// </summary>
public static class DiagnosticsApi
{
    public static RouteGroupBuilder MapDiagnosticsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/diagnostics", (ChargerConnectionRegistry registry, bool? collect) =>
            {
                if (collect != false)
                {
                    GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                }

                var heap = GC.GetTotalMemory(forceFullCollection: false);
                var info = GC.GetGCMemoryInfo(GCKind.Any);
                using var process = Process.GetCurrentProcess();
                return TypedResults.Ok(new Envelope<DiagnosticsDto>(new DiagnosticsDto(
                    ConnectedChargers: registry.Count,
                    ManagedHeapBytes: heap,
                    GcCommittedBytes: info.TotalCommittedBytes,
                    WorkingSetBytes: process.WorkingSet64,
                    PrivateMemoryBytes: process.PrivateMemorySize64,
                    TotalAllocatedBytes: GC.GetTotalAllocatedBytes(precise: true),
                    Gen0Collections: GC.CollectionCount(0),
                    Gen1Collections: GC.CollectionCount(1),
                    Gen2Collections: GC.CollectionCount(2),
                    ThreadCount: process.Threads.Count,
                    ThreadPoolThreads: ThreadPool.ThreadCount,
                    ServerGc: GCSettings.IsServerGC)));
            })
            .RequireAuthorization(HubPolicies.Admin)
            .WithTags("Diagnostics")
            .WithSummary("Connected chargers and memory; forces a full garbage collection first unless ?collect=false");
        return api;
    }
}

public sealed record DiagnosticsDto(
    int ConnectedChargers,
    long ManagedHeapBytes,
    long GcCommittedBytes,
    long WorkingSetBytes,
    long PrivateMemoryBytes,
    long TotalAllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    int ThreadCount,
    int ThreadPoolThreads,
    bool ServerGc);
