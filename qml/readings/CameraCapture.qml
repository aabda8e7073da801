import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtMultimedia
import Shuiheng.Ui

// The register's photo from the device's camera (docs/app.md, "The camera"): a live viewfinder, a
// big shutter, then the picture with Retake / Use. The picture is written to `photoFile` (a file
// from ReadingEntryController.cameraPhotoFile) and `captured(path)` hands it to the entry page,
// which saves it with the reading as it does a photo chosen from a file.
// Only ReadingEntryPage's Loader loads this file: where Qt Multimedia is missing the Loader fails
// and the page has no camera button; nothing else imports QtMultimedia.
Rectangle {
    id: capture

    // Whether the device has a camera at all (the entry page shows its Camera button only then).
    readonly property bool hasCamera: devices.videoInputs.length > 0
    // Shown, with the camera running while no picture waits.
    property bool opened: false
    // Where the picture is written.
    property string photoFile: ""
    // The picture taken, waiting for Use or Retake; "" while the viewfinder is live.
    property string taken: ""
    // What went wrong, in plain words ("" when all is well).
    readonly property string problem: !hasCamera ? qsTr("No camera found on this device: choose a photo from a file instead.") : shotError.length > 0 ? shotError : session.item !== null ? session.item.cameraError : ""
    property string shotError: ""

    // The picture at `path` is the register's photo.
    signal captured(string path)
    signal cancelled

    // Shows the viewfinder; the picture will be written to `file`.
    function open(file: string) {
        photoFile = file;
        taken = "";
        shotError = "";
        opened = true;
    }

    function cancel() {
        opened = false;
        taken = "";
        cancelled();
    }

    function shoot() {
        shotError = "";
        if (session.item === null || !session.item.ready) {
            shotError = qsTr("The camera is not ready yet: try again in a moment.");
            return;
        }
        session.item.takePicture(photoFile);
    }

    // The picture is on the disk at `path`: show it with Retake / Use. (What the camera does after
    // captureToFile; tests call it with a picture of their own.)
    function showTaken(path: string) {
        taken = path;
        shotError = "";
    }

    function retake() {
        taken = "";
    }

    function use() {
        const path = taken;
        opened = false;
        taken = "";
        captured(path);
    }

    visible: opened
    color: Theme.cameraBackground

    MediaDevices {
        id: devices
    }

    // The camera's pipeline exists only while the view is open on a device with a camera: Qt 6.4's
    // GStreamer back end can hang tearing down a capture session that never had a camera (seen in
    // the tests), and nothing should run while no photo is being taken.
    Loader {
        id: session

        readonly property bool cameraActive: item !== null && item.cameraActive

        objectName: "cameraSession"
        anchors.fill: parent
        anchors.bottomMargin: controls.height + 24
        active: capture.opened && capture.hasCamera

        sourceComponent: Item {
            readonly property bool cameraActive: camera.active
            readonly property string cameraError: camera.errorString
            readonly property bool ready: imageCapture.readyForCapture

            function takePicture(file: string) {
                imageCapture.captureToFile(file);
            }

            CaptureSession {
                videoOutput: viewfinder

                camera: Camera {
                    id: camera

                    cameraDevice: devices.defaultVideoInput
                    active: capture.taken.length === 0
                }

                imageCapture: ImageCapture {
                    id: imageCapture

                    onImageSaved: (id, path) => capture.showTaken(path)
                    onErrorOccurred: (id, error, message) => capture.shotError = message
                }
            }

            VideoOutput {
                id: viewfinder

                objectName: "cameraViewfinder"
                anchors.fill: parent
                visible: capture.taken.length === 0
                fillMode: VideoOutput.PreserveAspectFit
            }
        }
    }

    Image {
        objectName: "cameraPreview"
        anchors.fill: session
        visible: capture.taken.length > 0
        source: capture.taken.length > 0 ? "file://" + capture.taken : ""
        fillMode: Image.PreserveAspectFit
        asynchronous: true
        cache: false
    }

    Label {
        objectName: "cameraMessage"
        anchors.centerIn: session
        width: Math.min(parent.width - 48, 560)
        visible: capture.problem.length > 0
        text: "⚠ " + capture.problem
        color: Theme.cameraText
        font.pixelSize: 22
        font.weight: Font.Bold
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }

    RowLayout {
        id: controls

        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 16
        spacing: Theme.spacing

        ActionButton {
            objectName: "cameraCancel"
            Layout.preferredHeight: 64
            text: qsTr("Cancel")
            onClicked: capture.cancel()
        }

        Item {
            Layout.fillWidth: true
        }

        // The shutter: big and round, for a gloved thumb.
        RoundButton {
            objectName: "cameraShutter"
            Layout.preferredWidth: 96
            Layout.preferredHeight: 96
            visible: capture.taken.length === 0
            enabled: session.cameraActive
            highlighted: true
            text: "●"
            font.pixelSize: 40
            Accessible.name: qsTr("Take the photo")
            onClicked: capture.shoot()
        }

        ActionButton {
            objectName: "cameraRetake"
            Layout.preferredHeight: 64
            visible: capture.taken.length > 0
            text: qsTr("Retake")
            onClicked: capture.retake()
        }

        ActionButton {
            objectName: "cameraUse"
            Layout.preferredHeight: 64
            visible: capture.taken.length > 0
            highlighted: true
            text: qsTr("Use this photo")
            onClicked: capture.use()
        }

        Item {
            Layout.fillWidth: true
        }
    }
}
