#include "jsonvalues.h"

#include <QCoreApplication>

namespace Sightline {

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QCoreApplication::translate("Sightline::Json", "null");
    case QJsonValue::Bool:
        return QCoreApplication::translate("Sightline::Json", "a boolean");
    case QJsonValue::Double:
        return QCoreApplication::translate("Sightline::Json", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("Sightline::Json", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("Sightline::Json", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("Sightline::Json", "an object");
    case QJsonValue::Undefined:
        return QCoreApplication::translate("Sightline::Json", "missing");
    }
    return QCoreApplication::translate("Sightline::Json", "?");
}

} // namespace Sightline
