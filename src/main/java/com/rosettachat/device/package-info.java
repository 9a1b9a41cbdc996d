/** Push devices (registration, ownership by push token) and push delivery through FCM, Expo and APNs. */
@org.springframework.modulith.ApplicationModule(displayName = "Devices")
package com.rosettachat.device;
