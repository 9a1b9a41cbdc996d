/** Uploaded files: staging with a TTL, claiming by attachments, storage on disk or S3, and downloads. */
@org.springframework.modulith.ApplicationModule(displayName = "Files")
package com.rosettachat.file;
