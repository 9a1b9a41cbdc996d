package com.rosettachat.device;

/** What a client registers: the provider-issued token and how to label the device. */
public record NewDevice(String platform, String provider, String pushToken, String deviceId, String deviceName,
                        String appVersion) {
}
