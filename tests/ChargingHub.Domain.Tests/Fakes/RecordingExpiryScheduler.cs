using System.Collections.Concurrent;
using ChargingHub.Domain.Ports;

namespace ChargingHub.Domain.Tests.Fakes;

/// <summary>Remembers which expiries are scheduled; a test fires them by calling ExpireAsync itself.</summary>
public sealed class RecordingExpiryScheduler : IReservationExpiryScheduler
{
    private readonly ConcurrentDictionary<(string ChargerId, int ReservationId), DateTimeOffset> _scheduled = new();

    public IReadOnlyDictionary<(string ChargerId, int ReservationId), DateTimeOffset> Scheduled => _scheduled;

    public Task ScheduleAsync(string chargerId, int reservationId, DateTimeOffset at, CancellationToken ct)
    {
        _scheduled[(chargerId, reservationId)] = at;
        return Task.CompletedTask;
    }

    public Task UnscheduleAsync(string chargerId, int reservationId, CancellationToken ct)
    {
        _scheduled.TryRemove((chargerId, reservationId), out _);
        return Task.CompletedTask;
    }

    public DateTimeOffset? ScheduledAt(string chargerId, int reservationId) =>
        _scheduled.TryGetValue((chargerId, reservationId), out var at) ? at : null;
}
