using System.Collections.Concurrent;
using ChargingHub.Domain.Events;

namespace ChargingHub.Domain.Tests.Fakes;

public sealed class RecordingEventSink : IHubEventSink
{
    private readonly ConcurrentQueue<HubEvent> _events = new();

    public IReadOnlyList<HubEvent> Events => [.. _events];

    public IReadOnlyList<ReservationChanged> ReservationChanges => [.. _events.OfType<ReservationChanged>()];

    public void Publish(HubEvent hubEvent) => _events.Enqueue(hubEvent);
}
