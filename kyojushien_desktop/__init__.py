"""居住支援デスク: the secretariat's desktop app for founding a 居住支援協議会."""

__version__ = "0.1.0"
APP_NAME = "居住支援デスク"
