'use strict';
// An independent OCPP-J peer: npm ocpp-rpc in strict mode, validating every frame in both directions against
// the schemas it ships. Connects one OCPP 1.6 charger and one OCPP 2.0.1 station to the hub, sends every message
// the hub handles, answers the hub's calls, and stays until the hub has sent both a ReserveNow and a
// CancelReservation to each (the test makes and cancels a reservation through the REST API meanwhile).
//
// Usage: node strict-client.js <ws://host:port/ocpp> <id for 1.6> <id for 2.0.1>
// Exit code 0 when every exchange was valid and answered as expected; 1 otherwise.

const { RPCClient, createRPCError } = require('ocpp-rpc');

const [endpoint, id16, id201] = process.argv.slice(2);
const WAIT_FOR_HUB_CALLS_MS = 40000;
const failures = [];

function fail(message) {
    failures.push(message);
    console.error('FAIL ' + message);
}

function now() {
    return new Date().toISOString();
}

function delay(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}

// What each version sends, in order; a function gets the results so far (e.g. the transaction id).
const messages = {
    'ocpp1.6': [
        ['BootNotification', () => ({ chargePointVendor: 'StrictVendor', chargePointModel: 'StrictModel', firmwareVersion: '1.0' }),
            r => r.status === 'Accepted' || `boot answered ${r.status}`],
        ['Heartbeat', () => ({})],
        ['StatusNotification', () => ({ connectorId: 0, errorCode: 'NoError', status: 'Available', timestamp: now() })],
        ['StatusNotification', () => ({ connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: now() })],
        ['StatusNotification', () => ({ connectorId: 2, errorCode: 'NoError', status: 'Available', timestamp: now() })],
        ['Authorize', () => ({ idTag: 'STRICT-TAG' })],
        ['StartTransaction', () => ({ connectorId: 2, idTag: 'STRICT-TAG', meterStart: 0, timestamp: now() })],
        ['MeterValues', results => ({
            connectorId: 2,
            transactionId: results.StartTransaction.transactionId,
            meterValue: [{ timestamp: now(), sampledValue: [{ value: '120', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }],
        })],
        ['StopTransaction', results => ({
            transactionId: results.StartTransaction.transactionId, meterStop: 240, timestamp: now(), idTag: 'STRICT-TAG', reason: 'Local',
        })],
        ['StatusNotification', () => ({ connectorId: 2, errorCode: 'NoError', status: 'Available', timestamp: now() })],
        ['DataTransfer', () => ({ vendorId: 'org.example.strict', messageId: 'ping', data: 'hello' })],
        ['DiagnosticsStatusNotification', () => ({ status: 'Idle' })],
        ['FirmwareStatusNotification', () => ({ status: 'Idle' })],
    ],
    'ocpp2.0.1': [
        ['BootNotification', () => ({ reason: 'PowerUp', chargingStation: { vendorName: 'StrictVendor', model: 'StrictModel', firmwareVersion: '1.0' } }),
            r => r.status === 'Accepted' || `boot answered ${r.status}`],
        ['Heartbeat', () => ({})],
        ['NotifyReport', () => ({
            requestId: 1, generatedAt: now(), seqNo: 0, tbc: false,
            reportData: [1, 2].map(id => ({
                component: { name: 'Connector', evse: { id, connectorId: 1 } },
                variable: { name: 'ConnectorType' },
                variableAttribute: [{ type: 'Actual', value: 'cType2' }],
            })),
        })],
        ['StatusNotification', () => ({ timestamp: now(), connectorStatus: 'Available', evseId: 1, connectorId: 1 })],
        ['NotifyEvent', () => ({
            generatedAt: now(), seqNo: 0,
            eventData: [{
                eventId: 1, timestamp: now(), trigger: 'Delta', actualValue: 'Available', eventNotificationType: 'HardWiredNotification',
                component: { name: 'Connector', evse: { id: 2, connectorId: 1 } }, variable: { name: 'AvailabilityState' },
            }],
        })],
        ['Authorize', () => ({ idToken: { idToken: 'STRICT-TAG', type: 'ISO14443' } })],
        ['TransactionEvent', () => ({
            eventType: 'Started', timestamp: now(), triggerReason: 'Authorized', seqNo: 0,
            transactionInfo: { transactionId: 'strict-tx-1', chargingState: 'EVConnected' },
            idToken: { idToken: 'STRICT-TAG', type: 'ISO14443' }, evse: { id: 2, connectorId: 1 },
        })],
        ['TransactionEvent', () => ({
            eventType: 'Updated', timestamp: now(), triggerReason: 'MeterValuePeriodic', seqNo: 1,
            transactionInfo: { transactionId: 'strict-tx-1', chargingState: 'Charging' },
            meterValue: [{ timestamp: now(), sampledValue: [{ value: 120, measurand: 'Energy.Active.Import.Register' }] }],
        })],
        ['MeterValues', () => ({ evseId: 2, meterValue: [{ timestamp: now(), sampledValue: [{ value: 180 }] }] })],
        ['TransactionEvent', () => ({
            eventType: 'Ended', timestamp: now(), triggerReason: 'StopAuthorized', seqNo: 2,
            transactionInfo: { transactionId: 'strict-tx-1', chargingState: 'Idle', stoppedReason: 'Local' },
            idToken: { idToken: 'STRICT-TAG', type: 'ISO14443' },
        })],
        ['SecurityEventNotification', () => ({ type: 'StartupOfTheDevice', timestamp: now() })],
        ['FirmwareStatusNotification', () => ({ status: 'Idle' })],
        ['LogStatusNotification', () => ({ status: 'Idle' })],
        ['DataTransfer', () => ({ vendorId: 'org.example.strict', messageId: 'ping', data: 'hello' })],
        ['ReservationStatusUpdate', () => ({ reservationId: 424242, reservationUpdateStatus: 'Expired' })],
    ],
};

function statusNotifications(protocol) {
    return protocol === 'ocpp1.6'
        ? [0, 1, 2].map(connectorId => ({ connectorId, errorCode: 'NoError', status: 'Available', timestamp: now() }))
        : [1, 2].map(evseId => ({ timestamp: now(), connectorStatus: 'Available', evseId, connectorId: 1 }));
}

async function runCharger(protocol, identity) {
    const seen = new Map();
    let sawBothReservationCalls;
    const reservationCalls = new Promise(resolve => { sawBothReservationCalls = resolve; });
    const client = new RPCClient({
        endpoint, identity, protocols: [protocol], strictMode: true, reconnect: false, callTimeoutMs: 15000,
    });
    client.on('strictValidationFailure', e => fail(
        `${protocol} ${identity}: ${e.outbound ? 'our' : "the hub's"} ${e.isCall ? 'call' : 'response'} ${e.method} is invalid: ${e.error && e.error.message}`
        + ` ${JSON.stringify(e.isCall ? e.params : e.result)}`));
    client.on('badMessage', e => fail(`${protocol} ${identity}: bad message from the hub: ${e.error && e.error.message} ${e.buffer}`));

    function record(method, params) {
        seen.set(method, (seen.get(method) || 0) + 1);
        console.log(`${protocol} hub called ${method} ${JSON.stringify(params)}`);
        if (seen.has('ReserveNow') && seen.has('CancelReservation')) {
            sawBothReservationCalls();
        }
    }

    const later = fn => setTimeout(() => fn().catch(err => fail(`${protocol} follow-up failed: ${err.message}`)), 50);
    const reservations = new Set();
    if (protocol === 'ocpp1.6') {
        client.handle('GetConfiguration', ({ params }) => {
            record('GetConfiguration', params);
            const all = {
                SupportedFeatureProfiles: 'Core,FirmwareManagement,RemoteTrigger,Reservation',
                ReserveConnectorZeroSupported: 'true',
                NumberOfConnectors: '2',
            };
            const keys = params.key && params.key.length ? params.key : Object.keys(all);
            return {
                configurationKey: keys.filter(k => k in all).map(key => ({ key, readonly: true, value: all[key] })),
                unknownKey: keys.filter(k => !(k in all)),
            };
        });
        client.handle('ReserveNow', ({ params }) => {
            record('ReserveNow', params);
            reservations.add(params.reservationId);
            return { status: 'Accepted' };
        });
        client.handle('CancelReservation', ({ params }) => {
            record('CancelReservation', params);
            return { status: reservations.delete(params.reservationId) ? 'Accepted' : 'Rejected' };
        });
    } else {
        client.handle('GetVariables', ({ params }) => {
            record('GetVariables', params);
            const values = { 'ReservationCtrlr/Enabled': 'true', 'ReservationCtrlr/NonEvseSpecific': 'true', 'ReservationCtrlr/Available': 'true' };
            return {
                getVariableResult: params.getVariableData.map(d => {
                    const value = values[`${d.component.name}/${d.variable.name}`];
                    return value === undefined
                        ? { attributeStatus: 'UnknownComponent', component: d.component, variable: d.variable }
                        : { attributeStatus: 'Accepted', attributeType: 'Actual', attributeValue: value, component: d.component, variable: d.variable };
                }),
            };
        });
        client.handle('ReserveNow', ({ params }) => {
            record('ReserveNow', params);
            reservations.add(params.id);
            return { status: 'Accepted' };
        });
        client.handle('CancelReservation', ({ params }) => {
            record('CancelReservation', params);
            return { status: reservations.delete(params.reservationId) ? 'Accepted' : 'Rejected' };
        });
    }

    client.handle('TriggerMessage', ({ params }) => {
        record('TriggerMessage', params);
        if (params.requestedMessage === 'StatusNotification') {
            later(async () => {
                for (const status of statusNotifications(protocol)) {
                    await client.call('StatusNotification', status);
                }
            });
        } else if (params.requestedMessage === 'Heartbeat') {
            later(() => client.call('Heartbeat', {}));
        }

        return { status: 'Accepted' };
    });
    client.handle(({ method, params }) => {
        record(method, params);
        fail(`${protocol}: the hub called ${method}, which this charger does not expect`);
        throw createRPCError('NotImplemented', `${method} is not implemented here`);
    });

    await client.connect();
    if (client.protocol !== protocol) {
        fail(`${identity}: negotiated ${client.protocol}, expected ${protocol}`);
    }

    const results = {};
    for (const [method, build, check] of messages[protocol]) {
        try {
            const result = await client.call(method, build(results));
            results[method] = result;
            const verdict = check ? check(result) : true;
            if (verdict !== true) {
                fail(`${protocol} ${method}: ${verdict}`);
            }
        } catch (err) {
            fail(`${protocol} ${method} failed: ${err.rpcErrorCode || ''} ${err.message}`);
        }
    }

    console.log(`${protocol} ${identity}: all messages sent; waiting for ReserveNow and CancelReservation`);
    const timedOut = Symbol('timeout');
    const outcome = await Promise.race([reservationCalls, delay(WAIT_FOR_HUB_CALLS_MS).then(() => timedOut)]);
    if (outcome === timedOut) {
        fail(`${protocol}: the hub did not send both ReserveNow and CancelReservation (saw ${[...seen.keys()].join(', ')})`);
    }

    // Let the answers of any last calls go out before closing.
    await delay(200);
    for (const expected of ['TriggerMessage', protocol === 'ocpp1.6' ? 'GetConfiguration' : 'GetVariables']) {
        if (!seen.has(expected)) {
            fail(`${protocol}: the hub never sent ${expected}`);
        }
    }

    await client.close({ code: 1000, reason: 'done' });
}

async function main() {
    if (!endpoint || !id16 || !id201) {
        console.error('usage: node strict-client.js <ws://host:port/ocpp> <id for 1.6> <id for 2.0.1>');
        process.exit(2);
    }

    await Promise.all([runCharger('ocpp1.6', id16), runCharger('ocpp2.0.1', id201)]);
    if (failures.length > 0) {
        console.error(`${failures.length} failure(s)`);
        process.exit(1);
    }

    console.log('OK');
    process.exit(0);
}

main().catch(err => {
    console.error('FAIL ' + (err && err.stack || err));
    process.exit(1);
});
