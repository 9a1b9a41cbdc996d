package com.rosettachat.device.web;

import com.rosettachat.device.Device;
import com.rosettachat.shared.time.Timestamps;

/** The device shape: the reference's fields plus what a settings screen shows. Never the push token. */
record DeviceView(String id, String platform, String provider, String deviceId, String deviceName, String appVersion,
                  String lastUsedAt, String createdAt) {

    static DeviceView of(Device d) {
        return new DeviceView(d.id(), d.platform(), d.provider(), d.deviceId(), d.deviceName(), d.appVersion(),
                Timestamps.resource(d.lastUsedAt()), Timestamps.resource(d.createdAt()));
    }
}
